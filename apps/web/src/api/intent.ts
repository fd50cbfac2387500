/**
 * One Idempotency-Key per intent: the same key while the member retries the same
 * thing (a double tap, a timeout, a flaky network), a new one once it succeeded or
 * once what is sent changed. The API answers a repeated key with the first answer,
 * so nothing that moves credits ever happens twice.
 */
export class Intent {
  private key: string | null = null;
  private sent: string | null = null;

  /** The key for sending `body` now. */
  keyFor(body: unknown): string {
    const fingerprint = JSON.stringify(body ?? null);
    if (this.key === null || this.sent !== fingerprint) {
      this.key = randomKey();
      this.sent = fingerprint;
    }
    return this.key;
  }

  /** `body` with the key for sending it now, as the API client's options take them. */
  send<B>(body: B): { body: B; headers: { 'Idempotency-Key': string } } {
    return { body, headers: { 'Idempotency-Key': this.keyFor(body) } };
  }

  /** The intent is fulfilled: the next one gets a new key. */
  done(): void {
    this.key = null;
    this.sent = null;
  }
}

/** 128 random bits as a UUID; crypto.randomUUID exists only on HTTPS and localhost. */
function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
