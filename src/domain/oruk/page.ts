/** ORUK 3.0's paged list envelope, the shape of `GET /services` and of the sample directory file. */
export interface OrukPage<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  /** The number of items on this page (ORUK's definition), not the page size asked for. */
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}

export interface PageRequest {
  /** 1-based page number. */
  page: number;
  perPage: number;
  /** How many items there are on all pages together. */
  total: number;
}

export function orukPage<T>(items: readonly T[], { page, perPage, total }: PageRequest): OrukPage<T> {
  const pageNumber = Math.max(1, Math.floor(page));
  const totalPages = Math.ceil(Math.max(0, total) / Math.max(1, Math.floor(perPage)));
  return {
    total_items: Math.max(0, total),
    total_pages: totalPages,
    page_number: pageNumber,
    size: items.length,
    first_page: pageNumber === 1,
    last_page: pageNumber >= totalPages,
    empty: items.length === 0,
    contents: [...items],
  };
}
