// Pure: the byte-level pieces of the index format — a growable buffer, varints and a checksum.

/** A growable byte buffer with unsigned LEB128 varints. */
export class ByteWriter {
  bytes: Uint8Array;
  length = 0;

  constructor(capacity = 16) {
    this.bytes = new Uint8Array(capacity);
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    let capacity = this.bytes.length * 2;
    while (capacity < this.length + extra) capacity *= 2;
    const grown = new Uint8Array(capacity);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  varint(value: number): void {
    if (value < 0x80 && this.length < this.bytes.length) {
      this.bytes[this.length++] = value;
      return;
    }
    this.reserve(8);
    let rest = value;
    while (rest >= 0x80) {
      this.bytes[this.length++] = (rest & 0x7f) | 0x80;
      rest = Math.floor(rest / 128);
    }
    this.bytes[this.length++] = rest;
  }

  append(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** Zero bytes up to a multiple of `alignment`, so typed-array views of what follows line up. */
  align(alignment: number): void {
    const padding = (alignment - (this.length % alignment)) % alignment;
    this.reserve(padding);
    this.bytes.fill(0, this.length, this.length + padding);
    this.length += padding;
  }

  view(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}

/** Thrown for any index data that does not decode: the caller rebuilds the index, never trusts it. */
export class CorruptIndexError extends Error {}

/** JSON from the index, or CorruptIndexError naming `what` when it does not parse. */
export function parseIndexJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new CorruptIndexError(`${what} is not JSON`);
  }
}

/** Reads varints from `bytes`, refusing to run past the end. */
export class ByteReader {
  position = 0;

  constructor(readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.position >= this.bytes.length;
  }

  varint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (this.position >= this.bytes.length || scale > 2 ** 49)
        throw new CorruptIndexError('varint runs past its data');
      const byte = this.bytes[this.position++] as number;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 128;
    }
  }
}

/**
 * A 32-bit checksum (FNV-1a style mixing, four bytes a step) that catches truncation, bit flips and
 * foreign data. Not cryptographic: the cache is the user's own; this only keeps damage from being trusted.
 */
export function checksum(bytes: Uint8Array): number {
  let hash = 0x811c9dc5 ^ bytes.length;
  const words = Math.floor(bytes.length / 4);
  if (bytes.byteOffset % 4 === 0) {
    const view = new Int32Array(bytes.buffer, bytes.byteOffset, words);
    for (let i = 0; i < words; i++) hash = Math.imul(hash ^ (view[i] as number), 0x01000193);
  } else {
    // The same little-endian words, assembled by hand where the data is not aligned.
    for (let i = 0; i < words; i++) {
      const at = i * 4;
      const word =
        (bytes[at] as number) |
        ((bytes[at + 1] as number) << 8) |
        ((bytes[at + 2] as number) << 16) |
        ((bytes[at + 3] as number) << 24);
      hash = Math.imul(hash ^ word, 0x01000193);
    }
  }
  for (let i = words * 4; i < bytes.length; i++) hash = Math.imul(hash ^ (bytes[i] as number), 0x01000193);
  return hash >>> 0;
}

/**
 * checksum() over bytes that come in pieces: the same value as checksum() of them all joined,
 * given their total length up front (the sum starts from it).
 */
export class StreamingChecksum {
  private hash: number;
  private readonly pending = new Uint8Array(4);
  private held = 0;
  private seen = 0;

  constructor(private readonly total: number) {
    this.hash = 0x811c9dc5 ^ total;
  }

  update(bytes: Uint8Array): void {
    const words = Math.floor(this.total / 4) * 4;
    let at = 0;
    // Whole words, as checksum() takes them, until the tail the last partial word leaves.
    while (at < bytes.length) {
      if (this.seen >= words) {
        this.hash = Math.imul(this.hash ^ (bytes[at] as number), 0x01000193);
        at += 1;
        this.seen += 1;
        continue;
      }
      if (this.held === 0 && at + 4 <= bytes.length && this.seen + 4 <= words) {
        const word =
          (bytes[at] as number) |
          ((bytes[at + 1] as number) << 8) |
          ((bytes[at + 2] as number) << 16) |
          ((bytes[at + 3] as number) << 24);
        this.hash = Math.imul(this.hash ^ word, 0x01000193);
        at += 4;
        this.seen += 4;
        continue;
      }
      this.pending[this.held++] = bytes[at] as number;
      at += 1;
      this.seen += 1;
      if (this.held === 4) {
        const p = this.pending;
        const word = (p[0] as number) | ((p[1] as number) << 8) | ((p[2] as number) << 16) | ((p[3] as number) << 24);
        this.hash = Math.imul(this.hash ^ word, 0x01000193);
        this.held = 0;
      }
    }
  }

  digest(): number {
    return this.hash >>> 0;
  }
}
