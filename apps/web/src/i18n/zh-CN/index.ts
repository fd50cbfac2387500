import auth from './auth';
import common from './common';
import credits from './credits';
import me from './me';
import settings from './settings';

const messages = { common, auth, settings, me, credits };

export type Messages = typeof messages;
export default messages;
