// Global node ids in GitHub's legacy format: base64("0" + typeName.length + ":" + typeName + key),
// e.g. "MDQ6VXNlcjE=" is "04:User1". REST node_id uses the same ids, so both APIs agree.

export function nodeId(typeName: string, key: string | number): string {
  return Buffer.from(`0${typeName.length}:${typeName}${key}`).toString('base64');
}

export function parseNodeId(id: string): { typeName: string; key: string } | undefined {
  const text = Buffer.from(id, 'base64').toString('utf8');
  const m = /^0(\d+):(.*)$/s.exec(text);
  if (!m) return undefined;
  const len = Number(m[1]);
  const rest = m[2];
  if (rest.length < len) return undefined;
  return { typeName: rest.slice(0, len), key: rest.slice(len) };
}
