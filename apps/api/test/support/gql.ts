/** What a GraphQL response carries; errors keep their extensions. */
export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; fields?: { field: string; message: string }[]; [k: string]: unknown };
}
export interface GqlResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: GqlError[];
}

/**
 * A GraphQL client over real HTTP that keeps the session cookie, the way the browser does.
 * `lang` sets Accept-Language, as the web app sends its current language.
 */
export class GqlClient {
  private cookie: string | undefined;
  lastSetCookie: string | null = null;
  /** Headers of the last answer. */
  lastHeaders: Headers | null = null;
  /** More headers to send with every request (e.g. X-Forwarded-For). */
  headers: Record<string, string> = {};

  constructor(
    private readonly baseUrl: string,
    public lang: 'ar' | 'en' = 'en',
  ) {}

  async request<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GqlResponse<T>> {
    return this.send<T>(JSON.stringify({ query, variables }));
  }

  /** Sends a body as it is written (for values JSON.stringify cannot write, such as 1e309). */
  async send<T = Record<string, unknown>>(body: string): Promise<GqlResponse<T>> {
    const res = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'accept-language': this.lang,
        ...this.headers,
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      body,
    });
    this.lastHeaders = res.headers;
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      this.lastSetCookie = setCookie;
      const pair = setCookie.split(';')[0]!;
      this.cookie = pair.endsWith('=') ? undefined : pair;
    }
    return (await res.json()) as GqlResponse<T>;
  }

  /** The data, or a thrown error naming the GraphQL errors. */
  async data<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await this.request<T>(query, variables);
    if (res.errors?.length || !res.data) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
    return res.data;
  }

  async signIn(email: string, password: string): Promise<GqlResponse<{ signIn: { id: string } }>> {
    return this.request(`mutation ($input: SignInInput!) { signIn(input: $input) { id } }`, {
      input: { email, password },
    });
  }

  /** A plain HTTP GET of the API with this client's session cookie and language (downloads). */
  async get(path: string): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, {
      headers: { 'accept-language': this.lang, ...this.headers, ...(this.cookie ? { cookie: this.cookie } : {}) },
    });
  }

  /** A client of another API on the same database, holding this client's session and language. */
  at(baseUrl: string): GqlClient {
    const other = new GqlClient(baseUrl, this.lang);
    other.cookie = this.cookie;
    other.headers = { ...this.headers };
    return other;
  }

  get hasSession(): boolean {
    return this.cookie !== undefined;
  }
}

/** The first error's code. */
export const codeOf = (res: GqlResponse<unknown>): string | undefined => res.errors?.[0]?.extensions?.code;
