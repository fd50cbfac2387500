import { ApiResponse } from './http';

/** Asserts a problem+json answer with its status, code and (optionally) the fields it names. */
export function expectProblem(
  res: ApiResponse,
  status: number,
  code: string,
  fields?: string[],
): void {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({
    status,
    code,
    type: expect.any(String),
    title: expect.any(String),
  });
  expect(res.body.requestId).toBe(res.headers['x-request-id']);
  if (fields) {
    const errors = (res.body.errors ?? []) as Array<{ field: string }>;
    const named = errors.map((e) => e.field);
    expect(named).toEqual(expect.arrayContaining(fields));
  }
}
