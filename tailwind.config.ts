import type { Config } from "tailwindcss";

export default {
  content: ["./app/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        brand: { 50: "#fff1f2", 100: "#ffe4e6", 500: "#e11d48", 600: "#be123c", 700: "#9f1239", 900: "#4c0519" },
      },
    },
  },
  plugins: [],
} satisfies Config;
