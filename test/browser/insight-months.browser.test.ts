import { randomUUID } from 'node:crypto';
import ar from '../../locales/ar/insight.json' with { type: 'json' };
import en from '../../locales/en/insight.json' with { type: 'json' };
import type { Database } from '../../src/server/db/database.ts';
import { receiveFeedback } from '../../src/server/feedback/intake.ts';
import { findAccessibilityViolations } from '../support/axe.ts';
import { expect, test, useServerData } from '../support/fixtures.ts';
import { clippedText, doubleTextSize, sidewaysScroll, smallTargets } from '../support/layout.ts';
import { visit } from '../support/visit.ts';

/*
 * An analyst reviews a month that is long over, leaves a burst of answers out with a reason, publishes
 * the month and publishes it again with a note; the public page shows the month with both. A month
 * before it, which no test changes, is where the review's layout and accessibility are checked.
 */

/** The 10th of the month `back` months before this one: that month and its grace period are over. */
function tenthOf(back: number): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 10, 9));
}
const DAY = tenthOf(2);
const PERIOD = DAY.toISOString().slice(0, 7);
const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
  DAY,
);
/** Only looked at, never changed, so tests on any worker find it with its flag. */
const LOOKED_AT = tenthOf(3);
const REASON = 'Twelve answers from one address in half an hour';
const NOTE = 'A paper form typed in twice is now counted once.';

function answer(day: Date, answers: Record<string, string>): Record<string, unknown> {
  return {
    kind: 'experience',
    id: randomUUID(),
    createdAt: day.toISOString(),
    formVersion: 1,
    answers,
    consent: { storeWords: false, quote: false, contact: false },
    respondent: 'resident',
    howAnswered: 'own',
    channel: 'self-online',
  };
}

const CONTROL = ['as-much-as-i-want', 'enough', 'some-not-enough', 'none'];
const SAFE = ['as-safe-as-i-want', 'safe-enough', 'less-safe', 'not-safe'];
const EXPERIENCE = ['very-good', 'good', 'neither', 'poor'];

async function fillMonth(db: Database, day: Date): Promise<void> {
  // Thirty people over the month, each on their own device at their own address, no two alike.
  for (let i = 0; i < 30; i++) {
    const receivedAt = new Date(day.getTime() + i * 7 * 3_600_000);
    const answers = { control: CONTROL[i % 4], safe: SAFE[(i >> 2) % 4], experience: EXPERIENCE[i >> 4] };
    await receiveFeedback(db, [answer(day, answers as Record<string, string>)], undefined, {
      receivedAt,
      source: randomUUID(),
      sentTogether: randomUUID(),
    });
  }
  // Twelve from one address in half an hour, three at a time, each answering one question.
  for (let r = 0; r < 4; r++) {
    const receivedAt = new Date(day.getTime() + 2 * 3_600_000 + r * 10 * 60_000);
    const batch = Array.from({ length: 3 }, () => answer(day, { control: 'none' }));
    await receiveFeedback(db, batch, undefined, {
      receivedAt,
      source: 'one-address',
      sentTogether: randomUUID(),
    });
  }
}

useServerData(async (db) => {
  await fillMonth(db, DAY);
  await fillMonth(db, LOOKED_AT);
});

test('an analyst leaves a burst out, publishes the month, and the public page shows it with its notes', async ({
  page,
  signIn,
}) => {
  await signIn('analyst');
  await page.goto('/staff/dashboard/months');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Publish a month's figures");
  await page.getByRole('link', { name: `Review ${MONTH}` }).click();
  await expect(page).toHaveURL(new RegExp(`period=${PERIOD}$`));
  const review = page.getByRole('region', { name: MONTH });
  await expect(review.getByText('Ready to publish')).toBeVisible();
  await expect(review.getByText('Filled in by the person: 42')).toBeVisible();
  await expect(
    review.getByRole('heading', { name: '12 answers from one internet address, up to 12 within an hour' }),
  ).toBeVisible();

  // No reason: the box says so and takes focus.
  const reason = review.getByLabel('Why leave these answers out? Your reason is published with the month.');
  await review.getByRole('button', { name: 'Leave these answers out' }).click();
  await expect(review.getByText('Enter why you are leaving these answers out')).toBeVisible();
  await expect(reason).toBeFocused();

  await reason.fill(REASON);
  await review.getByRole('button', { name: 'Leave these answers out' }).click();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: "Left out. These answers no longer count in this month's figures." }),
  ).toBeVisible();
  await expect(review.getByText('Nothing is flagged in this month.')).toBeVisible();
  await expect(review.getByText('Filled in by the person: 30')).toBeVisible();
  await expect(review.getByText(new RegExp(`^12 answers, left out by .+ Reason: ${REASON}$`))).toBeVisible();
  expect(await findAccessibilityViolations(page)).toEqual([]);

  await review.getByRole('button', { name: `Publish ${MONTH}` }).click();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: `${MONTH} is published. The public insight page shows it now.` }),
  ).toBeVisible();
  await expect(review.getByText('Published (revision 1)')).toBeVisible();

  // Publishing again needs a note, which the public sees.
  const again = review.getByRole('button', { name: `Publish ${MONTH} again` });
  await again.click();
  await expect(review.getByText('Enter what changed and why')).toBeVisible();
  await review.getByLabel('What changed, and why?').fill(NOTE);
  await again.click();
  await expect(review.getByText('Published (revision 2)')).toBeVisible();
  await expect(review.getByRole('listitem').filter({ hasText: `Note: ${NOTE}` })).toHaveCount(1);
  expect(await findAccessibilityViolations(page)).toEqual([]);

  await page.goto('/insight');
  await expect(page.getByRole('heading', { name: `Results for ${MONTH}` })).toBeVisible();
  await expect(page.getByText(new RegExp(`^Revised on .+: ${NOTE}$`))).toBeVisible();
  // The count left out is protected like any other: 12 is published as 10 to 14.
  await expect(
    page.getByText(
      new RegExp(`^We left out 1[0-4] answers that did not look genuine\\. Our reason: ${REASON}$`),
    ),
  ).toBeVisible();
  expect(await findAccessibilityViolations(page)).toEqual([]);
});

for (const [lng, words] of [
  ['en', en],
  ['ar', ar],
] as const) {
  test.describe(`the review of a month with a flag, in ${lng}`, () => {
    test.use({ viewport: { width: 320, height: 640 } });

    test('holds its layout at 320 px and axe finds nothing, before and after a mistake', async ({
      page,
      signIn,
    }) => {
      await signIn('analyst');
      await visit(page, `/staff/dashboard/months?period=${LOOKED_AT.toISOString().slice(0, 7)}`, lng);
      const review = page.locator('section[aria-labelledby="month-review-title"]');
      const leaveOut = review.getByRole('button', { name: words.months.exclude });
      await expect(leaveOut).toHaveCount(1);
      const check = async (state: string) => {
        expect.soft(await smallTargets(page), `${state}: targets under 44 × 44 px`).toEqual([]);
        expect.soft(await sidewaysScroll(page), `${state}: sideways scroll at 320 px`).toBe(0);
        expect.soft(await clippedText(page), `${state}: cut off at 320 px`).toEqual([]);
        expect.soft(await findAccessibilityViolations(page), `${state}: axe`).toEqual([]);
      };
      await check('with a flag');

      await leaveOut.click();
      await expect(review.getByText(words.months.errors.reason)).toBeVisible();
      await check('with the reason missing');

      await doubleTextSize(page);
      expect.soft(await sidewaysScroll(page), 'sideways scroll with text at 200%').toBe(0);
      expect.soft(await clippedText(page), 'cut off with text at 200%').toEqual([]);
    });
  });
}
