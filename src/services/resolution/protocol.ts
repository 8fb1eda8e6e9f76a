import type { Judgement } from '../../domain/resolution/cluster.js';
import type { MatchModel } from '../../domain/resolution/model.js';
import type { PairScore } from '../../domain/resolution/resolve-group.js';
import type { ResolvableRow } from '../../storage/resolution.js';

/** What the resolver's main thread asks of a worker (resolve-all.ts ↔ worker.ts). */
export type Request = { id: number } & (
  | { op: 'add'; rows: ResolvableRow[]; reply: boolean }
  | { op: 'patterns'; pairs: Uint32Array; random: Uint32Array }
  | { op: 'score'; pairs: Uint32Array; model: MatchModel }
  | {
      op: 'cluster';
      groups: { members: number[]; edges: PairScore[]; judgements: Judgement[] }[];
      model: MatchModel;
    }
);

export type Response = { id: number } & (
  { result: unknown; error?: undefined } | { error: string; result?: undefined }
);

export interface AddResult {
  keys?: string[][];
  frequencyKeys?: string[][];
}
export interface PatternsResult {
  candidates: [string, number][];
  random: [string, number][];
}
export interface ScoreResult {
  weights: Float32Array;
  probabilities: Float32Array;
}
export interface ClusterResult {
  labels: Int32Array[];
}
