import auth from './auth';
import common from './common';
import me from './me';
import settings from './settings';

const messages = { common, auth, settings, me };

export type Messages = typeof messages;
export default messages;
