import { z } from 'zod';

// Gateways differ in whether codes and request ids are strings or numbers; a number must not
// hide the rest of the error.
const codeLike = z.union([z.string(), z.number()]);

/** `{"error_code": "CSBS.9001", "error_msg": "..."}`: the CSBS service itself. */
const csbsErrorBody = z.looseObject({
  error_code: codeLike,
  error_msg: z.string().nullish(),
  request_id: codeLike.nullish(),
});

/** `{"error": {"code": "...", "message": "..."}}`: other Huawei/OTC front doors. */
const nestedErrorBody = z.looseObject({
  error: z.looseObject({
    code: codeLike.nullish(),
    message: z.string().nullish(),
    request_id: codeLike.nullish(),
  }),
  request_id: codeLike.nullish(),
});

/** `{"code": "APIGW.0301", "message": "..."}`: the API gateway. */
const flatErrorBody = z.looseObject({
  code: codeLike,
  message: z.string().nullish(),
  request_id: codeLike.nullish(),
});

/** Any of the three error shapes that Huawei Cloud and Open Telekom Cloud answer with. */
export const errorBodySchema = z.union([csbsErrorBody, nestedErrorBody, flatErrorBody]);
export type ErrorBody = z.infer<typeof errorBodySchema>;

export interface ErrorDetails {
  code: string | undefined;
  message: string | undefined;
  /** From the body; the `X-Request-Id` header, when there is one, is the better source. */
  requestId: string | undefined;
}

const orUndefined = (v: string | number | null | undefined) =>
  v === null || v === undefined ? undefined : String(v);

/** Reads the code, message and request id out of a parsed error body of any known shape. */
export function readErrorBody(body: unknown): ErrorDetails | undefined {
  const csbs = csbsErrorBody.safeParse(body);
  if (csbs.success) {
    const b = csbs.data;
    return {
      code: orUndefined(b.error_code),
      message: orUndefined(b.error_msg),
      requestId: orUndefined(b.request_id),
    };
  }
  const nested = nestedErrorBody.safeParse(body);
  if (nested.success) {
    const { error, request_id } = nested.data;
    return {
      code: orUndefined(error.code),
      message: orUndefined(error.message),
      requestId: orUndefined(error.request_id ?? request_id),
    };
  }
  const flat = flatErrorBody.safeParse(body);
  if (flat.success) {
    const b = flat.data;
    return {
      code: orUndefined(b.code),
      message: orUndefined(b.message),
      requestId: orUndefined(b.request_id),
    };
  }
  return undefined;
}
