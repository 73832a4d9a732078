// Small shared UI primitives; each documents its props where it is defined.
export { Badge, type BadgeTone } from "./Badge";
export { Button, buttonClass, focusRing, type ButtonVariant } from "./Button";
export { Card } from "./Card";
export { cn } from "./cn";
export { EmptyState } from "./EmptyState";
export { Input, fieldClass } from "./Input";
export { Select, type SelectOption } from "./Select";
export { Table, TBody, Td, Th, THead, Tr } from "./Table";
