import '@backstage/cli/asset-types';
import ReactDOM from 'react-dom/client';
import App from './App';
// Backstage UI's base styles (box-sizing and theme variables) that the
// core layout components rely on.
import '@backstage/ui/css/styles.css';

ReactDOM.createRoot(document.getElementById('root')!).render(<App />);
