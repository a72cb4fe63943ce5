import {
  describePlacement,
  DoraClusterMetric,
  placeInDoraCluster,
} from './placeInDoraCluster';

function place(report: string, metric: DoraClusterMetric, value: number) {
  const placement = placeInDoraCluster(report, metric, value);
  if (!placement) throw new Error('no placement');
  return describePlacement(placement);
}

describe('placeInDoraCluster', () => {
  it('places a value inside the published range of a cluster', () => {
    // Lead time in hours: 3 days is between one day and one week.
    expect(place('2024', 'leadTime', 72)).toBe('≈ High cluster (2024)');
    expect(place('2024', 'leadTime', 20)).toBe('≈ Elite cluster (2024)');
    // Deploy-days per week: twice a week is between weekly and daily.
    expect(place('2024', 'deploymentFrequency', 2)).toBe(
      '≈ High cluster (2024)',
    );
    expect(place('2024', 'deploymentFrequency', 0.5)).toBe(
      '≈ Medium cluster (2024)',
    );
  });

  it('names every cluster that shares the range', () => {
    // 2024: high and medium both recover in less than one day.
    expect(place('2024', 'recoveryTime', 5)).toBe(
      '≈ High or Medium clusters (2024)',
    );
    // 2021: 16%–30% for high, medium and low alike.
    expect(place('2021', 'changeFailureRate', 0.2)).toBe(
      '≈ High, Medium or Low clusters (2021)',
    );
    // 2023: low deploys as often as medium.
    expect(place('2023', 'deploymentFrequency', 0.5)).toBe(
      '≈ Medium or Low clusters (2023)',
    );
  });

  it('takes the nearest published value where a report gives one value', () => {
    // 2024's medium cluster fails 10%, its high one 20%.
    expect(place('2024', 'changeFailureRate', 0.12)).toBe(
      '≈ Medium cluster (2024)',
    );
    expect(place('2024', 'changeFailureRate', 0.27)).toBe(
      '≈ High cluster (2024)',
    );
    expect(place('2023', 'changeFailureRate', 0.5)).toBe(
      '≈ Low cluster (2023)',
    );
    expect(placeInDoraCluster('2024', 'changeFailureRate', 0.12)?.fit).toBe(
      'nearest',
    );
  });

  it('says when a value is outside every range, with the nearest cluster', () => {
    // 2024 has no cluster recovering in between one day and one week.
    // Nearest by ratio: 2½ days is nearer one day, 5 days nearer one week.
    expect(place('2024', 'recoveryTime', 60)).toBe(
      'Outside the clusters, nearest High or Medium (2024)',
    );
    expect(place('2024', 'recoveryTime', 120)).toBe(
      'Outside the clusters, nearest Low (2024)',
    );
    // A median of 0 deploy-days a week is below 2024's low cluster.
    expect(place('2024', 'deploymentFrequency', 0)).toBe(
      'Outside the clusters, nearest Low (2024)',
    );
    // ...and within 2021's "fewer than once per six months".
    expect(place('2021', 'deploymentFrequency', 0)).toBe(
      '≈ Low cluster (2021)',
    );
    expect(place('2024', 'leadTime', 24 * 365)).toBe(
      'Outside the clusters, nearest Low (2024)',
    );
  });

  it('has no placement for an unknown report or a non-number', () => {
    expect(placeInDoraCluster('2019', 'leadTime', 1)).toBeUndefined();
    expect(placeInDoraCluster('2024', 'leadTime', NaN)).toBeUndefined();
  });
});
