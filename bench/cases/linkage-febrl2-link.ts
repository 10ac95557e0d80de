/**
 * FEBRL dataset2 in link mode (Christen, Febrl): its 4,000 original records against its 1,000
 * duplicates, u from value frequencies, m and lambda by EM, links at posterior >= 0.5.
 * Target (issue 18): < 0.4 s end to end after loading, F1 >= 0.998.
 * Body: bench/linkage-common.ts (febrlLinkBenchmark).
 */
import { febrlLinkBenchmark } from '../linkage-common';

febrlLinkBenchmark('linkage-febrl2-link', 'dataset2.csv');
