import { invalid } from './invalid.js';
import type { GraphDocument } from '../../domain/network/formats/document.js';
import { toGexf } from '../../domain/network/formats/gexf.js';
import { toGraphML } from '../../domain/network/formats/graphml.js';
import { stricter } from '../../domain/network/marking.js';
import { scopeFilter } from '../../domain/network/scope.js';
import { neighbourhood } from '../../domain/network/structure/traversal.js';
import type { Tlp } from '../../domain/policy/sharing.js';
import type { Call } from '../context.js';
import { checkHops } from './around.js';
import { communityFor, membersOf, partitionOf, type CommunityInput } from './communities.js';
import { edgeView, nodeView, recordsBehind, type EdgeView, type NodeView } from './present.js';
import { nodeFor, withNetwork, type NetworkProgress } from './with-network.js';

export const EXPORT_FORMATS = ['graphml', 'gexf', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportInput extends CommunityInput {
  format: ExportFormat;
  /** One community (number or member)… */
  community?: string;
  /** …or an entity's neighbourhood; neither: the whole visible network. */
  entity?: string;
  hops?: number;
}

export interface NetworkJson {
  /** The most restrictive marking of anything in the export: the banner it carries. */
  marking: Tlp;
  nodes: (NodeView & { community: number | null })[];
  edges: EdgeView[];
}

export interface ExportResult {
  contentType: string;
  fileName: string;
  body: string;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  graphml: 'application/graphml+xml; charset=utf-8',
  gexf: 'application/gexf+xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** The viewer's network, a community of it or an entity's neighbourhood, for Gephi or the web. */
export function exportNetwork(
  call: Call,
  input: ExportInput,
  progress?: NetworkProgress,
): Promise<ExportResult> {
  if (!EXPORT_FORMATS.includes(input.format)) throw invalid('format', EXPORT_FORMATS.join(', '));
  return withNetwork(
    call,
    'network.export',
    input,
    async (vn) => {
      const net = vn.network;
      const filter = scopeFilter(net, input);
      const p = await partitionOf(vn, input, progress);
      const communityOf = new Int32Array(net.nodes.length);
      p.scoped.original.forEach((v, i) => (communityOf[v] = p.community[i]!));
      let nodes: number[];
      if (input.entity !== undefined) {
        const center = nodeFor(net, input.entity);
        const near = neighbourhood(net.graph, [center], checkHops(input.hops, 2), {
          allowNode: (v) => v === center || filter.allowNode(v),
          allowEdge: filter.allowEdge,
        });
        nodes = [...near.nodes];
      } else if (input.community !== undefined)
        nodes = membersOf(p, communityFor(net, p, input.community));
      else nodes = [...p.scoped.original];
      const inside = new Set(nodes);
      const edges: number[] = [];
      net.edges.forEach((e, i) => {
        if (inside.has(e.source) && inside.has(e.target) && filter.allowEdge(i)) edges.push(i);
      });
      const json: NetworkJson = {
        marking: 'CLEAR',
        nodes: nodes.map((v) => ({ ...nodeView(net, v, true), community: communityOf[v] || null })),
        edges: edges.map((e) => edgeView(net, e, true)),
      };
      for (const n of json.nodes) json.marking = stricter(json.marking, n.marking);
      for (const e of json.edges) json.marking = stricter(json.marking, e.marking);
      const body = input.format === 'json' ? JSON.stringify(json) : serialise(json, input.format);
      const result = {
        contentType: CONTENT_TYPES[input.format],
        fileName: `puente-network.${input.format}`,
        body,
      };
      return { result, ids: recordsBehind(net, nodes, edges), count: nodes.length };
    },
    progress,
  );
}

function serialise(json: NetworkJson, format: 'graphml' | 'gexf'): string {
  const doc: GraphDocument = {
    attributes: { title: 'Puente network', marking: `TLP:${json.marking}` },
    nodes: json.nodes.map((n) => ({
      id: n.id,
      label: n.label,
      kind: n.kind,
      attributes: {
        kind: n.kind,
        marking: `TLP:${n.marking}`,
        countries: n.countries.join(' '),
        records: n.recordCount,
        community: n.community ?? 0,
        ...(n.date ? { date: n.date } : {}),
      },
    })),
    edges: json.edges.map((e, i) => ({
      id: `e${i}`,
      source: e.source,
      target: e.target,
      type: e.ties.map((t) => t.type).join(' '),
      weight: e.weight,
      attributes: {
        marking: `TLP:${e.marking}`,
        first: e.first ?? '',
        last: e.last ?? '',
      },
    })),
  };
  return format === 'graphml' ? toGraphML(doc) : toGexf(doc);
}
