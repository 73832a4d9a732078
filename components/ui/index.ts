// Small shared UI primitives; each documents its props where it is defined.
export { Badge, type BadgeTone } from "./badge";
export { Button, buttonClass, focusRing, type ButtonVariant } from "./button";
export { Card } from "./card";
export { cn } from "./cn";
export { EmptyState } from "./empty-state";
export { Input, fieldClass } from "./input";
export { Options, Select, type SelectOption } from "./select";
export { Table, TBody, Td, Th, THead, Tr } from "./table";
export { SubmitRow } from "./submit-row";
