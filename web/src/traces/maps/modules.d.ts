// Types for topojson-client, which ships none: only what the state maps use.

declare module 'topojson-client' {
  /** A TopoJSON object decoded to GeoJSON: only what the state maps read of it. */
  export function feature(
    topology: unknown,
    object: unknown,
  ): {
    type: 'FeatureCollection';
    features: {
      id?: string;
      properties: { name?: string };
      geometry:
        | { type: 'Polygon'; coordinates: [number, number][][] }
        | { type: 'MultiPolygon'; coordinates: [number, number][][][] };
    }[];
  };
}
