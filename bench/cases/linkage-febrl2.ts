/**
 * FEBRL dataset2 (Christen, Febrl; datasets/reference/febrl/dataset2.csv): deduplicate with
 * the linkage engine, unsupervised (u from random pairs, m and lambda by EM) and supervised
 * (m and lambda from the true links), links at posterior probability >= 0.5. Reports
 * precision / recall / F1 of both and the seconds of each run (loading excluded).
 * Body: bench/linkage-common.ts (febrlBenchmark).
 */
import { febrlBenchmark } from '../linkage-common';

febrlBenchmark('linkage-febrl2', 'dataset2.csv');
