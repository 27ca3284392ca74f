/** Injection token of the gateway's validated AppConfig: `@Inject(GATEWAY_CONFIG) config: AppConfig`. */
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
