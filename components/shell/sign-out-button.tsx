import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/lib/actions/auth";
import { Button } from "@/components/ui";

/** A form posting to the sign-out server action (works without JavaScript). */
export async function SignOutButton() {
  const t = await getTranslations("nav");
  return (
    <form action={signOutAction}>
      <Button type="submit" variant="secondary" size="sm">
        {t("signOut")}
      </Button>
    </form>
  );
}
