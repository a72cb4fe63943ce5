import { useTheme } from '@material-ui/core/styles';
import { ReactNode } from 'react';

/**
 * What the app's CssBaseline gives `<body>`: the current theme's page
 * background and text colour. jsdom applies no global body rules, and the
 * test app around a nested theme provider is light.
 */
export function AppBackground(props: { children: ReactNode }) {
  const { palette } = useTheme();
  return (
    <div
      style={{
        color: palette.text.primary,
        backgroundColor: palette.background.default,
      }}
    >
      {props.children}
    </div>
  );
}
