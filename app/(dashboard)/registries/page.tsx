import { redirect } from "next/navigation";
import { requireRolePage } from "@/lib/auth/session";

export default async function RegistriesPage() {
  await requireRolePage("viewer");
  redirect("/registries/partners");
}
