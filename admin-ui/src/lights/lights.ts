export type Light = 'green' | 'yellow' | 'red' | 'done' | 'none';

/** The one colour map: a light looks the same on every page, chart and chip. */
export const lightColours: Record<Light, string> = {
  green: '#2e7d32',
  yellow: '#f9a825',
  red: '#c62828',
  done: '#1565c0',
  none: '#9e9e9e',
};

/** Text on a filled light: yellow is too pale for white. */
export const lightText: Record<Light, string> = {
  green: '#fff',
  yellow: 'rgba(0, 0, 0, 0.87)',
  red: '#fff',
  done: '#fff',
  none: '#fff',
};

/** The counted lights, most urgent first: the order of every summary. */
export const countedLights = ['red', 'yellow', 'green', 'done'] as const;

const rank: Record<Light, number> = { red: 0, yellow: 1, green: 2, done: 3, none: 4 };
export const compareLights = (a: Light, b: Light) => rank[a] - rank[b];
