import auth from './auth';
import common from './common';
import credits from './credits';
import me from './me';
import settings from './settings';
import volunteer from './volunteer';

const messages = { common, auth, settings, me, volunteer, credits };

export type Messages = typeof messages;
export default messages;
