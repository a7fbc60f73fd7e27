import { ErrorPage } from "@/components/error-page";
import { NO_PERMISSION } from "@/lib/auth/messages";

export default function Forbidden() {
  return <ErrorPage status={403} title="Forbidden" text={NO_PERMISSION} />;
}
