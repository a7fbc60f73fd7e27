// One file per namespace; the namespace is the file's name. Add a namespace here and in every other locale's index.
import account from "./account.json";
import auth from "./auth.json";
import errors from "./errors.json";
import login from "./login.json";
import logout from "./logout.json";
import middleware from "./middleware.json";
import twoFactor from "./twoFactor.json";

const messages = { account, auth, errors, login, logout, middleware, twoFactor };
export default messages;
