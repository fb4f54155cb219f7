import { queryString } from '../../api.ts';

/** What an analyst searched the stories for, as the page's address holds it. */
export interface Search {
  q: string;
  area: string;
  district: string;
  /** `question:answer`, or `question:` for any answer to it. */
  answer: string;
  reference: string;
  page: number;
}

/** The search an address asks for; a page number that is not one is the first page. */
export function readSearch(query: Record<string, string>): Search {
  const question = query.question ?? '';
  return {
    q: query.q ?? '',
    area: query.area ?? '',
    district: query.district ?? '',
    answer: question ? `${question}:${query.answer ?? ''}` : '',
    reference: query.reference ?? '',
    page: Math.max(1, Number.parseInt(query.page ?? '1', 10) || 1),
  };
}

/** The search as a query string at `page`: one form for the page's links, the API and the CSV. */
export function toQuery(search: Search, page = search.page): string {
  const [question = '', answer = ''] = search.answer.split(':');
  return queryString({
    q: search.q.trim(),
    area: search.area,
    district: search.district,
    question,
    answer,
    reference: search.reference,
    page: page > 1 ? page : undefined,
  });
}
