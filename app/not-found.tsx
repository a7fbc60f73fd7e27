import type { Metadata } from "next";
import { ErrorPage } from "@/components/error-page";

export const metadata: Metadata = { title: "Not found" };

export default function NotFound() {
  return <ErrorPage status={404} title="Not found" text="There is nothing at this address." />;
}
