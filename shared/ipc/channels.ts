/** Channel names only (no schemas), for the renderer bundle. Kept equal to the contract by a test. */
export const CHANNELS = ['app.getStatus'] as const;
export type ChannelName = (typeof CHANNELS)[number];
