import { integrationKindSchema } from '@parley/contracts';
import type { Connector } from '../../connector.types';
import { createIntegrationConnectors } from '../../integration-connectors.factory';
import { RestConnector } from '../../rest/rest.connector';
import { ConnectorRegistry } from '../connector.registry';

describe('ConnectorRegistry', () => {
  it('has a connector for every integration kind of the contracts', async () => {
    const connectors = createIntegrationConnectors();
    try {
      expect(connectors.registry.kinds().sort()).toEqual([...integrationKindSchema.options].sort());
      for (const kind of integrationKindSchema.options) expect(connectors.registry.get(kind)?.kind).toBe(kind);
    } finally {
      await connectors.close();
    }
  });

  it('refuses two connectors for one kind', () => {
    const transport = { send: () => Promise.reject(new Error('unused')) };
    const rest: Connector = new RestConnector(transport);
    expect(() => new ConnectorRegistry([rest, new RestConnector(transport)])).toThrow('two connectors for the integration kind "rest"');
  });

  it('has nothing for a kind it was not given', () => {
    expect(new ConnectorRegistry([]).get('postgres')).toBeUndefined();
  });
});
