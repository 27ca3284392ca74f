import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { RedisClient, type RedisOptions } from './redis.client';

/** Global module exporting the service's RedisClient: `RedisModule.forRoot({ url, keyPrefix })`. */
@Module({})
export class RedisModule {
  static forRoot(options: RedisOptions): DynamicModule {
    return {
      module: RedisModule,
      global: true,
      providers: [{ provide: RedisClient, useFactory: () => new RedisClient({ logger: new Logger('RedisClient'), ...options }) }],
      exports: [RedisClient],
    };
  }
}
