import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { pickMessages, type MessageTree } from "./pick-messages";

/**
 * Gives the client components below it the message groups they use, and no others.
 * A provider replaces (does not merge with) the messages of the one above it, so list
 * everything the subtree's client components translate. Server components need nothing here.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly string[]; children: React.ReactNode }) {
  const messages = pickMessages((await getMessages()) as MessageTree, namespaces);
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
