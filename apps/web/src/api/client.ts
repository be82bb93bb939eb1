/**
 * @module api/client
 * The one way the web app talks to the server: same-origin fetch with the session cookie, the
 * CSRF token on unsafe methods, If-Match for versioned edits, and the server's error shape
 * turned into an ApiError that carries its Vietnamese and English message.
 */
export interface ErrorMessage {
  vi: string;
  en: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: ErrorMessage,
    readonly details: Record<string, unknown> = {},
  ) {
    super(messages.en);
  }

  /** The message in the reader's language. */
  messageIn(locale: string): string {
    return locale === "en" ? this.messages.en : this.messages.vi;
  }
}

let csrfToken: string | null = null;

/** Remembered from sign-in or /api/auth/me; sent as x-csrf-token on unsafe methods. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** JSON body. */
  json?: unknown;
  /** Multipart body (uploads). */
  form?: FormData;
  /** The version the edit was made on (ETag "vN"); a stale one answers 409. */
  ifMatch?: number;
  signal?: AbortSignal;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await fetch(path, requestInit(options));
  if (!response.ok) throw await errorOf(response);
  if (response.status === 204) return undefined as T;
  const type = response.headers.get("content-type") ?? "";
  return (type.includes("json") ? await response.json() : await response.text()) as T;
}

/** A query string of the defined, non-empty values. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : "";
}

export function requestInit(options: RequestOptions): RequestInit {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { accept: "application/json" };
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  if (options.ifMatch !== undefined) headers["if-match"] = `"v${options.ifMatch}"`;
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.json);
  }
  return { method, headers, body, credentials: "same-origin", signal: options.signal };
}

export async function errorOf(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: ErrorMessage; details?: Record<string, unknown> } };
    if (body.error?.message) return new ApiError(response.status, body.error.code ?? "ERROR", body.error.message, body.error.details);
  } catch {
    // not JSON: fall through to the generic message
  }
  return new ApiError(response.status, "HTTP_" + response.status, { vi: `Máy chủ trả lời lỗi ${response.status}.`, en: `The server answered ${response.status}.` });
}
