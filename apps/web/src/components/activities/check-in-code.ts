/**
 * An activity's door code as the volunteer's phone reads it. The door screen's QR
 * code is the address of the activity's check-in page with `?code=…`, so a phone's
 * own camera app opens the page, which sends the code by itself; the app's scanner
 * reads the same address, and a volunteer may type the 8 digits shown under it.
 */

export const CHECK_IN_CODE_LENGTH = 8;

/** The address the door screen's QR code carries. */
export function checkInUrl(origin: string, activityId: string, code: string): string {
  return `${origin}/activities/${encodeURIComponent(activityId)}/check-in?code=${encodeURIComponent(code)}`;
}

/** Typed digits without the spaces people add ("1234 5678"), full-width digits as ASCII. */
export function typedCode(input: string): { code: string; wellFormed: boolean } {
  const code = input.normalize('NFKC').replace(/[\s\-‐‑‒–—―_.·]/g, '');
  return { code, wellFormed: new RegExp(`^\\d{${CHECK_IN_CODE_LENGTH}}$`).test(code) };
}

/**
 * The code in what the scanner read, when it is this activity's check-in address
 * (or bare digits); null for anything else (a voucher, another activity's door).
 */
export function scannedCode(payload: string, activityId: string): string | null {
  const text = payload.trim();
  const bare = typedCode(text);
  if (bare.wellFormed) return bare.code;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  const path = url.pathname.replace(/\/+$/, '');
  if (path !== `/activities/${activityId}/check-in`) return null;
  const code = url.searchParams.get('code');
  return code && typedCode(code).wellFormed ? code : null;
}

/** "1234 5678": the code in two groups of four, as the door screen shows it. */
export function spacedCode(code: string): string {
  return code.length === CHECK_IN_CODE_LENGTH ? `${code.slice(0, 4)} ${code.slice(4)}` : code;
}
