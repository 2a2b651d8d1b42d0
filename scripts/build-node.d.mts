export declare const NODE_ENTRIES: { readonly cli: string; readonly web: string };
export type NodeBundleName = keyof typeof NODE_ENTRIES;
export declare function nodeBundlePath(name: NodeBundleName, root?: string): string;
export declare function nodeBundlesAreStale(root?: string): boolean;
export declare function buildNodeBundles(options?: { root?: string }): Promise<void>;
export declare function ensureNodeBundle(name: NodeBundleName, options?: { root?: string; log?: (message: string) => void }): Promise<string>;
