// The few protocol-buffer wire-format encoders an ONNX file needs: varints, length-delimited fields and
// nested messages. Hand-written so the test suite does not depend on a transitive protobuf package.

const encoder = new TextEncoder();

/** Encodes a non-negative integer (up to 2^53) as a base-128 varint. */
export function varint(value: number): Uint8Array {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`varint needs a safe non-negative integer, got ${value}`);
  const bytes: number[] = [];
  let rest = value;
  // Division rather than bit shifts: shifts truncate to 32 bits, int64 fields need more.
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
  return Uint8Array.from(bytes);
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

const WIRE_VARINT = 0;
const WIRE_LENGTH_DELIMITED = 2;

function tag(field: number, wireType: number): Uint8Array {
  return varint(field * 8 + wireType);
}

/** An int32/int64/enum field. */
export function varintField(field: number, value: number): Uint8Array {
  return concat([tag(field, WIRE_VARINT), varint(value)]);
}

export function bytesField(field: number, bytes: Uint8Array): Uint8Array {
  return concat([tag(field, WIRE_LENGTH_DELIMITED), varint(bytes.length), bytes]);
}

export function stringField(field: number, value: string): Uint8Array {
  return bytesField(field, encoder.encode(value));
}

/** A nested message, given its already-encoded fields. */
export function messageField(field: number, parts: readonly Uint8Array[]): Uint8Array {
  return bytesField(field, concat(parts));
}
