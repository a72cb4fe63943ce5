/** One performance cluster of a DORA report, in the report's own words. */
export interface DoraReferenceCluster {
  name: string;
  deploymentFrequency: string;
  leadTime: string;
  changeFailureRate: string;
  recoveryTime: string;
}

/** The published cluster table of one State of DevOps report. */
export interface DoraReferenceReport {
  id: string;
  title: string;
  /** What the report calls the recovery metric. */
  recoveryTimeName: string;
  citation: string;
  url: string;
  clusters: DoraReferenceCluster[];
}

/**
 * Software delivery performance clusters as the Accelerate State of DevOps
 * reports published them. Reference values for comparison only: the bands
 * this plugin assigns come from the rubric, not from these tables.
 *
 * Every value was checked against secondary sources that reproduce the
 * reports' cluster tables; the report PDFs themselves could not be opened
 * where this was checked. The values match; the wording follows the
 * reports' survey answers ("Between once per week and once per month") as
 * those sources quote them, not checked word for word against the PDFs:
 * - 2024: Octopus Deploy, "The 2024 DevOps performance clusters" (S. Fenton,
 *   2024-10-23, octopus.com/blog/2024-devops-performance-clusters): all four
 *   clusters match, including the published oddity that the medium
 *   cluster's change failure rate (10%) is below the high cluster's (20%).
 * - 2023: Octopus Deploy, "The 2023 DevOps performance clusters" (S. Fenton,
 *   2023-10, octopus.com/blog/software-delivery-performance-clusters-2023):
 *   all four match, including the low cluster sharing the medium cluster's
 *   deployment frequency and lead time.
 * - 2021: Apache DevLake's DORA metric pages, each citing "2021 Accelerate
 *   State of DevOps, Google" (devlake.apache.org/docs/Metrics): all four
 *   match; Google Cloud's announcement of the 2021 report confirms the
 *   elite lead time of less than one hour.
 * The 2022 report found three clusters and no elite one; it is not listed.
 */
export const DORA_REFERENCE_REPORTS: DoraReferenceReport[] = [
  {
    id: '2024',
    title: 'State of DevOps 2024',
    recoveryTimeName: 'Failed deployment recovery time',
    citation: 'DORA, Accelerate State of DevOps Report 2024, Google Cloud.',
    url: 'https://dora.dev/research/2024/dora-report/',
    clusters: [
      {
        name: 'Elite',
        deploymentFrequency: 'On demand (multiple deploys per day)',
        leadTime: 'Less than one day',
        changeFailureRate: '5%',
        recoveryTime: 'Less than one hour',
      },
      {
        name: 'High',
        deploymentFrequency: 'Between once per day and once per week',
        leadTime: 'Between one day and one week',
        changeFailureRate: '20%',
        recoveryTime: 'Less than one day',
      },
      {
        name: 'Medium',
        deploymentFrequency: 'Between once per week and once per month',
        leadTime: 'Between one week and one month',
        changeFailureRate: '10%',
        recoveryTime: 'Less than one day',
      },
      {
        name: 'Low',
        deploymentFrequency: 'Between once per month and once every six months',
        leadTime: 'Between one month and six months',
        changeFailureRate: '40%',
        recoveryTime: 'Between one week and one month',
      },
    ],
  },
  {
    id: '2023',
    title: 'State of DevOps 2023',
    recoveryTimeName: 'Failed deployment recovery time',
    citation: 'DORA, Accelerate State of DevOps Report 2023, Google Cloud.',
    url: 'https://dora.dev/research/2023/dora-report/',
    clusters: [
      {
        name: 'Elite',
        deploymentFrequency: 'On demand',
        leadTime: 'Less than one day',
        changeFailureRate: '5%',
        recoveryTime: 'Less than one hour',
      },
      {
        name: 'High',
        deploymentFrequency: 'Between once per day and once per week',
        leadTime: 'Between one day and one week',
        changeFailureRate: '10%',
        recoveryTime: 'Less than one day',
      },
      {
        name: 'Medium',
        deploymentFrequency: 'Between once per week and once per month',
        leadTime: 'Between one week and one month',
        changeFailureRate: '15%',
        recoveryTime: 'Between one day and one week',
      },
      {
        name: 'Low',
        deploymentFrequency: 'Between once per week and once per month',
        leadTime: 'Between one week and one month',
        changeFailureRate: '64%',
        recoveryTime: 'Between one month and six months',
      },
    ],
  },
  {
    id: '2021',
    title: 'State of DevOps 2021',
    recoveryTimeName: 'Time to restore service',
    citation: 'DORA, Accelerate State of DevOps Report 2021, Google Cloud.',
    url: 'https://dora.dev/research/2021/dora-report/',
    clusters: [
      {
        name: 'Elite',
        deploymentFrequency: 'On-demand (multiple deploys per day)',
        leadTime: 'Less than one hour',
        changeFailureRate: '0%–15%',
        recoveryTime: 'Less than one hour',
      },
      {
        name: 'High',
        deploymentFrequency: 'Between once per week and once per month',
        leadTime: 'Between one day and one week',
        changeFailureRate: '16%–30%',
        recoveryTime: 'Less than one day',
      },
      {
        name: 'Medium',
        deploymentFrequency: 'Between once per month and once every 6 months',
        leadTime: 'Between one month and six months',
        changeFailureRate: '16%–30%',
        recoveryTime: 'Between one day and one week',
      },
      {
        name: 'Low',
        deploymentFrequency: 'Fewer than once per six months',
        leadTime: 'More than six months',
        changeFailureRate: '16%–30%',
        recoveryTime: 'More than six months',
      },
    ],
  },
];
