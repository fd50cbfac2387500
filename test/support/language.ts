import { ApiResponse } from './http';

/**
 * API.md "Language": every service answers problems in zh-CN by default and
 * in English when asked, with the same status and code. The language suites
 * share one definition of that promise so they cannot drift apart.
 */

/** Any CJK ideograph: enough to tell a Chinese text from an English one. */
export const CHINESE = /[\u4e00-\u9fff]/;
/** No preference: the server must fall back to zh-CN. */
export const NONE = { 'accept-language': '' };
/** Plain English. */
export const EN = { 'accept-language': 'en' };

/** A problem+json body, as far as language is concerned. */
export interface Problem {
  status: number;
  code: string;
  title: string;
  detail: string;
  errors?: Array<{ field: string; message: string }>;
}

/** One request, sent with the given headers (the language under test). */
export type Send = (headers: Record<string, string>) => Promise<ApiResponse<Problem>>;

/** Asserts title, detail and each field message are (or are not) Chinese. */
function expectChinese(problem: Problem, chinese: boolean): void {
  const texts = [problem.title, problem.detail, ...(problem.errors ?? []).map((e) => e.message)];
  for (const text of texts) {
    if (chinese) expect(text).toMatch(CHINESE);
    else expect(text).not.toMatch(CHINESE);
  }
}

/**
 * The same request in Chinese (each of `chinese`, by default no preference)
 * and in English: same status and code, each answer wholly in its language.
 * Returns the first Chinese answer and the English one for further checks.
 */
export async function inBothLanguages(
  send: Send,
  {
    chinese = [NONE],
    english = EN,
  }: { chinese?: Record<string, string>[]; english?: Record<string, string> } = {},
): Promise<{ zh: Problem; en: Problem }> {
  const zhs: ApiResponse<Problem>[] = [];
  for (const headers of chinese) zhs.push(await send(headers));
  const en = await send(english);
  expect(en.headers['content-language']).toBe('en');
  expectChinese(en.body, false);
  for (const zh of zhs) {
    expect(zh.headers['content-language']).toBe('zh-CN');
    expect([zh.status, zh.body.code]).toEqual([en.status, en.body.code]);
    expectChinese(zh.body, true);
  }
  return { zh: zhs[0].body, en: en.body };
}
