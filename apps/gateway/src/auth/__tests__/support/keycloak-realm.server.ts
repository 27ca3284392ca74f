import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

export interface RealmKey {
  kid: string;
  alg: 'RS256' | 'ES256';
  privateKey: CryptoKey;
  publicJwk: JWK;
  /** SPKI PEM of the public key (what an attacker has, for the HS/RS confusion). */
  publicPem: string;
}

export interface KeycloakUser {
  sub?: string;
  username: string;
  email?: string;
  roles?: string[];
}

export interface TokenOptions {
  key?: RealmKey;
  audience?: string;
  issuer?: string;
  expiresInSeconds?: number;
  /** Seconds added to now for iat (negative: issued in the past). */
  issuedAtOffsetSeconds?: number;
}

/**
 * A local stand-in for one Keycloak realm: its JWKS at /realms/<realm>/protocol/openid-connect/certs
 * over real HTTP, and tokens shaped like Keycloak's access tokens (iss <base>/realms/<realm>, azp,
 * preferred_username, email, realm_access.roles), signed with jose. The published keys can be
 * replaced (rotation); `fetches` counts JWKS requests.
 */
export class KeycloakRealm {
  published: RealmKey[] = [];
  fetches = 0;

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
    readonly realm: string,
    readonly clientId: string,
  ) {}

  static async start(realm: string, clientId: string): Promise<KeycloakRealm> {
    const state: { realm?: KeycloakRealm } = {};
    const server = createServer((req, res) => {
      const handler = state.realm;
      if (handler && req.url === `/realms/${realm}/protocol/openid-connect/certs`) {
        handler.fetches += 1;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ keys: handler.published.map((k) => ({ ...k.publicJwk, kid: k.kid, alg: k.alg, use: 'sig' })) }));
        return;
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    state.realm = new KeycloakRealm(server, `http://127.0.0.1:${port}`, realm, clientId);
    return state.realm;
  }

  get issuer(): string {
    return `${this.baseUrl}/realms/${this.realm}`;
  }

  get jwksUrl(): string {
    return `${this.issuer}/protocol/openid-connect/certs`;
  }

  static async newKey(alg: 'RS256' | 'ES256'): Promise<RealmKey> {
    const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
    const publicJwk = await exportJWK(publicKey);
    const spki = Buffer.from(await crypto.subtle.exportKey('spki', publicKey)).toString('base64');
    const publicPem = `-----BEGIN PUBLIC KEY-----\n${spki.match(/.{1,64}/g)!.join('\n')}\n-----END PUBLIC KEY-----\n`;
    return { kid: randomUUID(), alg, privateKey, publicJwk, publicPem };
  }

  /** A Keycloak-shaped access token for the user, signed with the given (or first published) key. */
  async token(user: KeycloakUser, options: TokenOptions = {}): Promise<string> {
    const key = options.key ?? this.published[0]!;
    const now = Math.floor(Date.now() / 1000) + (options.issuedAtOffsetSeconds ?? 0);
    return new SignJWT({
      typ: 'Bearer',
      azp: this.clientId,
      preferred_username: user.username,
      ...(user.email ? { email: user.email, email_verified: true } : {}),
      realm_access: { roles: user.roles ?? ['offline_access', 'default-roles-' + this.realm] },
      scope: 'openid profile email',
      sid: randomUUID(),
    })
      .setProtectedHeader({ alg: key.alg, typ: 'JWT', kid: key.kid })
      .setIssuer(options.issuer ?? this.issuer)
      .setAudience(options.audience ?? this.clientId)
      .setSubject(user.sub ?? randomUUID())
      .setJti(randomUUID())
      .setIssuedAt(now)
      .setExpirationTime(now + (options.expiresInSeconds ?? 300))
      .sign(key.privateKey);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
