export function settingsTable(pkg: unknown): string;
export function readmeWithTable(readme: string, table: string): string;
