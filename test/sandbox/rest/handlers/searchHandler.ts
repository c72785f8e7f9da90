// GET /search/issues for pull request queries, charged to the separate "search" limit.
import type { RestRequest, RestResponse } from '../restContext';
import { HttpError } from '../restContext';
import { searchPulls } from '../../search/searchPulls';
import { SearchQueryError } from '../../search/parseQuery';
import { issueSearchItemShape } from '../shapes/issueShapes';
import { paginate } from '../paginate';

const DOCS = 'https://docs.github.com/v3/search/';

function validation(message: string): HttpError {
  return new HttpError(422, { message: 'Validation Failed', errors: [{ message, resource: 'Search', field: 'q', code: 'invalid' }], documentation_url: DOCS, status: '422' });
}

export function searchIssues(req: RestRequest): RestResponse {
  const q = req.ex.query.get('q');
  if (!q) throw new HttpError(422, { message: 'Validation Failed', errors: [{ resource: 'Search', field: 'q', code: 'missing' }], documentation_url: DOCS, status: '422' });
  // REST puts sort/order in parameters; fold them into the query's sort qualifier.
  const sort = req.ex.query.get('sort');
  const order = req.ex.query.get('order') === 'asc' ? 'asc' : 'desc';
  const query = sort && !/\bsort:/.test(q) ? `${q} sort:${sort}-${order}` : q;
  try {
    if (q.length > 256) throw new SearchQueryError('The search is longer than 256 characters.');
    const result = searchPulls({ state: req.state, viewer: req.who.user.login }, query);
    const { page, headers } = paginate(req.ex, new URL(req.urls.api).origin, result.items);
    return {
      status: 200,
      body: { total_count: result.total, incomplete_results: false, search_type: 'lexical', items: page.map((p) => issueSearchItemShape(req.state, req.urls, p)) },
      headers,
    };
  } catch (e) {
    if (e instanceof SearchQueryError) throw validation(e.message);
    throw e;
  }
}
