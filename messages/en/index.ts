// One file per namespace; the namespace is the file's name. Add a namespace here and in every other locale's index.
import account from "./account.json";
import errors from "./errors.json";
import login from "./login.json";
import logout from "./logout.json";
import timeZone from "./timeZone.json";

const messages = { account, errors, login, logout, timeZone };
export default messages;
