import type { TurnContext } from 'botbuilder';
import type { Directory } from '../../answer/ports.js';
import type { Principal } from '../../core/types.js';
import type { People } from './teams-people.js';

/** The other readers of a group chat or channel in Emulator mode: someone with the default groups only. */
const ANONYMOUS_READER: Principal = Object.freeze({
  email: 'teams:unknown-member',
  groups: Object.freeze(['all']),
});

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * People in the Emulator mode, where nobody authenticated the activity: its service URL is whatever
 * the caller wrote, so nothing is looked up there. The asker is the e-mail the activity's user id
 * (or else name) holds, as the Emulator's user settings give it, resolved through the directory;
 * anyone else is a member of the default groups only. A group chat or channel is read by the asker
 * and such an anonymous member, so that an answer there uses only what everyone may read.
 */
export class EmulatorPeople implements People {
  constructor(private readonly directory: Directory) {}

  async principal(context: TurnContext, userId: string, locale: string | undefined): Promise<Principal> {
    const from = context.activity.from;
    const email = [from?.id, from?.name].map((value) => value?.trim()).find((v) => v && EMAIL.test(v));
    return this.directory.resolve(email ?? `teams:${userId}`, locale);
  }

  async readers(): Promise<readonly Principal[]> {
    return [ANONYMOUS_READER];
  }
}
