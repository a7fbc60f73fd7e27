// One file per namespace; the namespace is the file's name. Add a namespace here and in every other locale's index.
import account from "./account.json";
import admin from "./admin.json";
import audit from "./audit.json";
import errors from "./errors.json";
import login from "./login.json";
import logout from "./logout.json";
import nav from "./nav.json";

const messages = { account, admin, audit, errors, login, logout, nav };
export default messages;
