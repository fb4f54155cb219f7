import type { Page } from '@playwright/test';
import arEvidence from '../../locales/ar/evidence.json' with { type: 'json' };
import arGuided from '../../locales/ar/guided.json' with { type: 'json' };
import arMyList from '../../locales/ar/my-list.json' with { type: 'json' };
import easyEvidence from '../../locales/en-easy/evidence.json' with { type: 'json' };
import easyGuided from '../../locales/en-easy/guided.json' with { type: 'json' };
import easyMyList from '../../locales/en-easy/my-list.json' with { type: 'json' };
import enEvidence from '../../locales/en/evidence.json' with { type: 'json' };
import enGuided from '../../locales/en/guided.json' with { type: 'json' };
import enMyList from '../../locales/en/my-list.json' with { type: 'json' };
import { findAccessibilityViolations } from '../support/axe.ts';
import { expect, test } from '../support/fixtures.ts';
import { readOutbox } from '../support/outbox.ts';
import { connectionBack, controlledByServiceWorker, inLanguage, settle } from '../support/visit.ts';

/**
 * "Did you find what you needed?" and "Did it help?", as a person meets them: on the device first,
 * offline, and sent once each when the connection is back.
 */

const DAY = 24 * 60 * 60_000;
const FIRST_VISIT = new Date('2026-03-02T10:00:00Z').getTime();

const WORDS = {
  en: { evidence: enEvidence, guided: enGuided, myList: enMyList },
  ar: { evidence: arEvidence, guided: arGuided, myList: arMyList },
  'en-easy': { evidence: easyEvidence, guided: easyGuided, myList: easyMyList },
} as const;
type Lng = keyof typeof WORDS;

async function noViolations(page: Page, where: string): Promise<void> {
  await settle(page);
  expect(await findAccessibilityViolations(page), where).toEqual([]);
}

/** Answers No at the foot of the results, then chooses two needs and a district on the next page. */
async function answerNoWithTwoNeeds(page: Page, lng: Lng, check: (where: string) => Promise<void>) {
  const w = WORDS[lng];
  const question = page.getByRole('group', { name: w.evidence.found.question });
  await expect(question).toBeVisible();
  await check('search results with "Did you find what you needed?"');
  await question.getByRole('radio', { name: w.evidence.found.no, exact: true }).check();
  await page.getByRole('button', { name: w.evidence.found.continue }).click();
  await expect(page).toHaveURL(/\/what-was-missing\?from=search/);
  await expect(page.locator('h1')).toHaveText(w.evidence.missing.title);
  await check('what were you looking for');
  await page.getByRole('checkbox', { name: w.guided.guided.hard.money }).check();
  await page.getByRole('checkbox', { name: w.guided.guided.hard.caring }).check();
  await page.getByLabel(w.evidence.missing.where).selectOption('tendring');
  await page.getByRole('radio', { name: w.evidence.missing.forWhomAnswers['someone-i-care-for'] }).check();
  await page.getByRole('button', { name: w.evidence.missing.send, exact: true }).click();
  await expect(page.locator(':focus')).toContainText(w.evidence.missing.thanksTitle);
  await check('what were you looking for, sent');
}

/** Saves the first result to My list, as the person does at the first visit. */
async function saveFirstResult(page: Page, lng: Lng): Promise<string> {
  const link = page.locator('.result-card h3 a').first();
  const href = (await link.getAttribute('href')) ?? '';
  await link.click();
  await page.getByRole('button', { name: WORDS[lng].myList.save.add }).click();
  await expect(
    page.getByRole('status').filter({ hasText: WORDS[lng].myList.save.savedStatus }),
  ).toBeVisible();
  return decodeURIComponent(href.replace(/^\/services\//, ''));
}

/** A visit 14 days later: the banner offers the question, and the answer is the first of the answers. */
async function answerFollowUp(page: Page, lng: Lng, check: (where: string) => Promise<void>) {
  const w = WORDS[lng].evidence;
  const banner = page.getByRole('region', { name: w.news.title });
  await expect(banner).toBeVisible();
  await check('home with "Did it help?"');
  await banner.getByRole('link', { name: w.news.answer }).click();
  await expect(page).toHaveURL(/\/did-it-help$/);
  await expect(page.getByRole('group', { name: w.followUp.question })).toBeVisible();
  await check('did it help');
  await page.getByRole('button', { name: w.followUp.send }).click();
  await expect(page.getByRole('link', { name: w.followUp.error })).toBeVisible();
  await check('did it help, with an error');
  await page.getByRole('radio', { name: w.followUp.answers.yes }).check();
  await page.getByRole('button', { name: w.followUp.send }).click();
  await expect(page.locator(':focus')).toContainText(w.followUp.thanksTitle);
  await check('did it help, answered');
}

/** The follow-up page says there is nothing to ask (the banner, loaded when idle, cannot show absence). */
async function nothingToAsk(page: Page, origin: string): Promise<void> {
  await page.goto(origin + '/did-it-help');
  await expect(page.getByText(enEvidence.followUp.nothing)).toBeVisible();
}

test('offline, a No with two needs and, 14 days on, "Did it help?" wait on the device, then go once each', async ({
  page,
  context,
  ownServer,
}) => {
  test.slow();
  const server = await ownServer();
  const posted: string[] = [];
  let online = true;
  let ids: string[] = [];
  // Routing runs before the browser's offline switch, so while offline it refuses too.
  await context.route('**/api/v1/feedback', async (route) => {
    if (!online) return route.abort('internetdisconnected');
    const body = route.request().postDataJSON() as Array<{ id: string }>;
    posted.push(...body.map((submission) => submission.id));
    await route.continue();
  });
  await page.clock.setFixedTime(FIRST_VISIT);
  await page.goto(server.url + '/search?q=carers');
  await controlledByServiceWorker(page);
  await page.reload();
  await settle(page);
  const axe = (where: string) => noViolations(page, where);

  await context.setOffline(true);
  online = false;
  try {
    await answerNoWithTwoNeeds(page, 'en', axe);
    await page.goBack();
    const serviceId = await saveFirstResult(page, 'en');

    // Not asked before 14 days.
    await page.clock.setFixedTime(FIRST_VISIT + 14 * DAY - 60_000);
    await nothingToAsk(page, server.url);

    await page.clock.setFixedTime(FIRST_VISIT + 14 * DAY + 60_000);
    await page.goto(server.url + '/');
    await settle(page);
    await answerFollowUp(page, 'en', axe);

    // Both wait on the device; nothing was posted while offline. (A try to send that the offline device
    // refuses shows them as sending for a moment, so the waiting state is waited for.)
    await expect
      .poll(async () => (await readOutbox(page)).map((item) => item.state))
      .toEqual(['waiting', 'waiting']);
    const waiting = await readOutbox(page);
    ids = waiting.map((item) => item.id);
    expect(waiting.map((item) => item.submission)).toEqual([
      {
        kind: 'found',
        id: expect.any(String),
        createdAt: expect.any(String),
        source: 'search',
        answer: 'no',
        needs: ['money', 'caring'],
        district: 'tendring',
        forWhom: 'someone-i-care-for',
      },
      expect.objectContaining({ kind: 'follow-up', serviceId, answer: 'yes' }),
    ]);
    expect(posted).toEqual([]);

    // Asked once: not asked again, then or later.
    await nothingToAsk(page, server.url);
    await page.clock.setFixedTime(FIRST_VISIT + 40 * DAY);
    await nothingToAsk(page, server.url);
  } finally {
    online = true;
    await context.setOffline(false);
  }

  // Back online, each goes once. (The outbox's receipts are not read here: the service worker's clock
  // is the real one, so it tidies away receipts the page's fake clock dated weeks ago.)
  await connectionBack(page);
  await expect.poll(() => ids.filter((id) => posted.includes(id)).length).toBe(2);
  await connectionBack(page);

  // The analyst's gap table shows both needs in Tendring, with the services that meet them there.
  const signedIn = await context.request.post(`${server.url}/api/v1/session`, {
    data: server.staff.analyst,
    headers: { origin: server.url },
  });
  expect(signedIn.status()).toBe(200);
  await page.goto(server.url + '/staff/dashboard/gaps');
  const table = page.getByRole('table', { name: /^Unmet need/ });
  for (const need of [enGuided.guided.hard.money, enGuided.guided.hard.caring]) {
    await expect(table.getByRole('row').filter({ hasText: need })).toContainText('Tendring');
  }
  await expect(table.getByRole('row')).toHaveCount(3);
  // Below it, the saved service's one Yes: all who got in touch said it helped, too few to publish.
  const helped = page.getByRole('table', { name: enEvidence.helped.services });
  await expect(helped.getByRole('row')).toHaveCount(2);
  await expect(helped.getByRole('row').nth(1)).toContainText('100%');
  await expect(helped.getByRole('row').nth(1)).toContainText(enEvidence.helped.view['fewer-than-10']);
  await axe('the analysts’ gap table');

  for (const id of ids) expect(posted.filter((p) => p === id)).toHaveLength(1);

  const stored = await server.inspect(
    async (db) => ({
      needs: await db.query('select need, district, answer from found_needs order by need'),
      followUps: await db.query<{ answer: string }>('select answer from follow_up_answers'),
    }),
    { thenRestart: false },
  );
  expect(stored.needs).toEqual([
    { need: 'caring', district: 'tendring', answer: 'no' },
    { need: 'money', district: 'tendring', answer: 'no' },
  ]);
  expect(stored.followUps).toEqual([{ answer: 'yes' }]);
});

for (const lng of ['ar', 'en-easy'] as const) {
  test(`the new pages have nothing axe finds in ${lng}`, async ({ page, signIn, api }) => {
    test.slow();
    await page.clock.setFixedTime(FIRST_VISIT);
    await page.goto(inLanguage('/search?q=carers', lng));
    await settle(page);
    const axe = (where: string) => noViolations(page, `${lng}: ${where}`);
    await answerNoWithTwoNeeds(page, lng, axe);
    await page.goBack();
    await saveFirstResult(page, lng);
    await page.clock.setFixedTime(FIRST_VISIT + 15 * DAY);
    await page.goto('/');
    await settle(page);
    await answerFollowUp(page, lng, axe);
    await signIn('analyst');
    await expect
      .poll(async () => (await api.get<{ rows: unknown[] }>('/api/v1/analyst/gaps')).body?.rows.length)
      .toBeGreaterThan(0);
    await page.goto(inLanguage('/staff/dashboard/gaps', lng));
    // The gap table, then whether the saved service and its theme helped.
    await expect(page.getByRole('table')).toHaveCount(3);
    await axe('the analysts’ gap table');
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** Every field each evidence answer may carry; anything else would be something about the person. */
const FIELDS: Record<string, readonly string[]> = {
  found: ['kind', 'id', 'createdAt', 'source', 'answer', 'needs', 'district', 'forWhom'],
  'follow-up': ['kind', 'id', 'createdAt', 'serviceId', 'theme', 'district', 'answer'],
};

test('no search words, no free text and no identifier but the random submission id leave the device', async ({
  page,
  context,
}) => {
  test.slow();
  const sent: Array<{ method: string; url: string; body: string; headers: Promise<Record<string, string>> }> =
    [];
  // Every request from the page and its service worker, while online, as it leaves the browser.
  context.on('request', (request) => {
    const headers = request.allHeaders();
    // A request still leaving as the test ends is not one it checks: its headers are never read.
    headers.catch(() => undefined);
    sent.push({ method: request.method(), url: request.url(), body: request.postData() ?? '', headers });
  });
  const words = 'carers Clacton my husband Brian';
  await page.clock.setFixedTime(FIRST_VISIT);
  await page.goto('/search');
  await settle(page);
  await page.getByLabel('Search the directory').fill(words);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page).toHaveURL(/[?&]q=/);
  await answerNoWithTwoNeeds(page, 'en', async () => {});
  await page.goBack();
  const serviceId = await saveFirstResult(page, 'en');
  await page.clock.setFixedTime(FIRST_VISIT + 14 * DAY);
  await page.goto('/');
  await settle(page);
  await answerFollowUp(page, 'en', async () => {});
  await connectionBack(page);
  await expect.poll(() => sent.filter((r) => r.url.endsWith('/api/v1/feedback')).length).toBeGreaterThan(0);
  await expect
    .poll(async () => (await readOutbox(page)).filter((item) => item.state !== 'sent').length)
    .toBe(0);

  // Nothing typed went anywhere: not in an address, not in a body, in any spelling.
  for (const word of ['Brian', 'husband']) {
    for (const request of sent) {
      expect(decodeURIComponent(request.url.replaceAll('+', ' ')), request.url).not.toContain(word);
      expect(request.body, request.url).not.toContain(word);
    }
  }
  // The only bodies sent are evidence answers, of codes, each with its own random id, and no cookie.
  const withBodies = sent.filter((request) => request.body !== '');
  expect(new Set(withBodies.map((r) => `${r.method} ${new URL(r.url).pathname}`))).toEqual(
    new Set(['POST /api/v1/feedback']),
  );
  const answers = withBodies.flatMap((r) => JSON.parse(r.body) as Array<Record<string, unknown>>);
  expect(new Set(answers.map((a) => a.kind))).toEqual(new Set(['found', 'follow-up']));
  for (const answer of answers) {
    expect(Object.keys(answer).filter((key) => !FIELDS[answer.kind as string]!.includes(key))).toEqual([]);
    expect(answer.id).toMatch(UUID);
    for (const [key, value] of Object.entries(answer)) {
      if (key === 'id' || key === 'createdAt' || key === 'serviceId') continue;
      const codes = Array.isArray(value) ? value : [value];
      for (const code of codes) expect(code, key).toMatch(/^[a-z]+(-[a-z]+)*$/);
    }
    if (answer.kind === 'follow-up') expect(answer.serviceId).toBe(serviceId);
  }
  expect(new Set(answers.map((a) => a.id)).size).toBe(2);
  for (const request of withBodies) {
    expect((await request.headers).cookie, 'a cookie sent with an answer').toBeUndefined();
  }
});
