import http from 'node:http';
import https from 'node:https';
import {
  type Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { ConfigError } from '../../core/errors.js';

export type MicrosoftAppType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';

/** The Azure Bot's identity: `MICROSOFT_APP_ID`, `MICROSOFT_APP_PASSWORD`, `MICROSOFT_APP_TENANT_ID`, `MICROSOFT_APP_TYPE`. */
export interface BotCredentials {
  readonly appId?: string | undefined;
  readonly appPassword?: string | undefined;
  readonly tenantId?: string | undefined;
  readonly appType: MicrosoftAppType;
}

type Logic = (turn: TurnContext) => Promise<void>;
type ConnectorClientOptions = NonNullable<
  ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[4]
>;
type RequestPolicyFactory = Extract<
  NonNullable<ConnectorClientOptions['requestPolicyFactories']>,
  readonly unknown[]
>[number];

/**
 * botbuilder's CloudAdapter, opened up for PolyDesk's endpoint: `receive` authenticates an
 * incoming activity (the SDK verifies the Bot Connector's JWT unless no app id is configured) and
 * runs a turn for it; `resume` runs a later, proactive turn around an activity (the mechanism of
 * `continueConversationAsync`), so that replies made in it still answer that activity.
 */
export class TeamsCloudAdapter extends CloudAdapter {
  readonly authenticated: boolean;

  constructor(private readonly credentials: BotCredentials) {
    super(
      new ConfigurationBotFrameworkAuthentication(
        authenticationOptions(credentials),
        undefined,
        undefined,
        undefined,
        {
          requestPolicyFactories: [sharedConnections()],
        },
      ),
    );
    this.authenticated = Boolean(credentials.appId);
  }

  receive(authHeader: string, activity: Activity, logic: Logic): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }

  resume(activity: Partial<Activity>, logic: Logic): Promise<void> {
    return this.processProactive(
      this.createClaimsIdentity(this.credentials.appId ?? ''),
      activity,
      undefined,
      logic,
    );
  }
}

/** Checks the credentials the app type needs, with messages that say how to fix them. */
export function validateCredentials(credentials: BotCredentials): void {
  const { appId, appPassword, tenantId, appType } = credentials;
  if (!appId) {
    if (appPassword || tenantId) {
      throw new ConfigError(
        "MICROSOFT_APP_PASSWORD or MICROSOFT_APP_TENANT_ID is set without MICROSOFT_APP_ID: set the Azure Bot's app id too, or unset them all (and set TEAMS_EMULATOR=1) for the Bot Framework Emulator mode",
      );
    }
    return;
  }
  if (appType === 'UserAssignedMSI') {
    if (!tenantId)
      throw new ConfigError(
        "MICROSOFT_APP_TYPE=UserAssignedMSI needs MICROSOFT_APP_TENANT_ID (the managed identity's tenant)",
      );
    if (appPassword)
      throw new ConfigError(
        'MICROSOFT_APP_TYPE=UserAssignedMSI uses the managed identity: unset MICROSOFT_APP_PASSWORD',
      );
    return;
  }
  if (!appPassword) {
    throw new ConfigError(
      `MICROSOFT_APP_ID is set but MICROSOFT_APP_PASSWORD is not: create a client secret for the app registration (Azure portal, the bot's Configuration, Manage Password) and set it`,
    );
  }
  if (appType === 'SingleTenant' && !tenantId) {
    throw new ConfigError(
      'MICROSOFT_APP_TYPE=SingleTenant needs MICROSOFT_APP_TENANT_ID (the directory id of the tenant the bot is registered in)',
    );
  }
}

/**
 * The SDK builds a new Bot Connector client, with its own connection pool, for every turn: each
 * reply would open a new TCP and TLS connection. This policy makes all clients share one keep-alive
 * pool per protocol, so that stream updates and answers reuse warm connections.
 */
function sharedConnections(): RequestPolicyFactory {
  const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
  return {
    create: (next) => ({
      sendRequest(request) {
        request.agent ??= request.url.startsWith('https:') ? agents.https : agents.http;
        return next.sendRequest(request);
      },
    }),
  };
}

function authenticationOptions(credentials: BotCredentials): Record<string, string> {
  if (!credentials.appId) return { MicrosoftAppId: '' };
  return {
    MicrosoftAppId: credentials.appId,
    MicrosoftAppPassword: credentials.appPassword ?? '',
    MicrosoftAppTenantId: credentials.tenantId ?? '',
    MicrosoftAppType: credentials.appType,
  };
}
