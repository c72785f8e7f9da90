// per_page/page pagination with GitHub's Link header, which Octokit's paginate() follows.
import type { Exchange } from '../http/exchange';

export function paginate<T>(ex: Exchange, origin: string, items: readonly T[]): { page: T[]; headers: Record<string, string> } {
  const perPage = Math.min(100, Math.max(1, Number(ex.query.get('per_page') ?? 30) || 30));
  const pageNo = Math.max(1, Number(ex.query.get('page') ?? 1) || 1);
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const page = items.slice((pageNo - 1) * perPage, pageNo * perPage);
  const link = (n: number, rel: string): string => {
    const u = new URL(ex.req.url ?? '/', origin);
    u.searchParams.set('per_page', String(perPage));
    u.searchParams.set('page', String(n));
    return `<${u.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (pageNo > 1) links.push(link(pageNo - 1, 'prev'));
  if (pageNo < lastPage) links.push(link(pageNo + 1, 'next'), link(lastPage, 'last'));
  if (pageNo > 1) links.push(link(1, 'first'));
  return { page, headers: links.length ? { link: links.join(', ') } : {} };
}
