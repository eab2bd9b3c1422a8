import type { FastifyReply } from "fastify";

/** The one shape of every error response: `{"error": {"code", "message"}}`. */
export function sendError(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  return reply.code(status).type("application/json").send({ error: { code, message } });
}

/** Fastify's own error codes, as the HTTP status and error code this API answers with. */
export function describeError(error: { code?: string; statusCode?: number; message: string }): { status: number; code: string; message: string } {
  switch (error.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return { status: 413, code: "body_too_large", message: error.message };
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return { status: 415, code: "unsupported_media_type", message: `${error.message}; send application/x-ndjson (JSON Lines) or application/json` };
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return { status: 400, code: "bad_request", message: error.message };
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) return { status, code: status === 408 ? "request_timeout" : "bad_request", message: error.message };
  return { status: 500, code: "internal", message: "internal error; see the server log" };
}
