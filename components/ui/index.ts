export { cn } from "./cn";
export { Alert, type AlertProps, type AlertVariant } from "./alert";
export { Badge, type BadgeProps, type BadgeVariant } from "./badge";
export { Button, buttonClassName, type ButtonProps, type ButtonSize, type ButtonVariant } from "./button";
export { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle, type CardProps, type CardTitleProps } from "./card";
export { Checkbox, CheckboxGroup, type CheckboxGroupProps, type CheckboxOption, type CheckboxProps } from "./checkbox";
export {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
  type DialogContentProps,
} from "./dialog";
export { Field, FieldSet, type FieldControlProps, type FieldProps, type FieldSetProps } from "./field";
export { Input, controlClassName, type InputProps } from "./input";
export { RadioGroup, type RadioGroupProps, type RadioOption } from "./radio-group";
export { Select, type SelectOption, type SelectProps } from "./select";
export { Skeleton } from "./skeleton";
export { Spinner, type SpinnerProps } from "./spinner";
export { Textarea, type TextareaProps } from "./textarea";
export { Toaster, toast, type ToastOptions, type ToastVariant } from "./toast";
