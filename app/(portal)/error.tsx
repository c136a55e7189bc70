"use client";
import { ErrorView } from "@/components/ui/error-view";

// Inside the portal shell: the header and navigation stay usable when a page fails.
export default ErrorView;
