export function execShim(text: string): string;
export function fixShims(root: string): string[];
